// SPDX-License-Identifier: Apache-2.0
// The ZEGO SDK host fake must stay in step with the declaration file the checker uses
// (tools/vendor-types/@zego/zego-express-engine/Index.d.ets): the adapter is type-checked against the one and
// run against the other, so a renamed enum member, a changed value or a missing class would otherwise make
// host tests pass on code that does not match the declared SDK. The settings that make the fake behave like
// an SDK build that differs from the docs must work too, or the adapter tests built on them prove nothing.
import { beforeEach, describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'ohos-typescript';
import * as fake from '../sdk-fakes/@zego/zego-express-engine';

const DECLARATIONS = path.join(__dirname, '..', '..', 'vendor-types', '@zego', 'zego-express-engine', 'Index.d.ets');

class Declared {
  enums: Map<string, Map<string, number>> = new Map();
  classes: string[] = [];
  events: string[] = [];
  staticMethods: string[] = [];
  instanceMethods: string[] = [];
  optionalInstanceMethods: string[] = [];
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return (modifiers ?? []).some((m) => m.kind === kind);
}

function readDeclarations(): Declared {
  const text = fs.readFileSync(DECLARATIONS, 'utf8');
  const sf = ts.createSourceFile(DECLARATIONS, text, ts.ScriptTarget.ES2021, true, ts.ScriptKind.TS);
  const out = new Declared();
  for (const st of sf.statements) {
    if (ts.isEnumDeclaration(st)) {
      const members = new Map<string, number>();
      for (const m of st.members) {
        const init = m.initializer;
        if (!init || !ts.isNumericLiteral(init)) throw new Error(`${st.name.text}.${m.name.getText()} has no numeric value`);
        members.set(m.name.getText(), Number(init.text));
      }
      out.enums.set(st.name.text, members);
    } else if (ts.isClassDeclaration(st) && st.name) {
      if (hasModifier(st, ts.SyntaxKind.DefaultKeyword)) {
        for (const m of st.members) {
          if (!ts.isMethodDeclaration(m)) continue;
          const name = m.name.getText();
          if (hasModifier(m, ts.SyntaxKind.StaticKeyword)) out.staticMethods.push(name);
          else if (m.questionToken) out.optionalInstanceMethods.push(name);
          else out.instanceMethods.push(name);
        }
      } else {
        out.classes.push(st.name.text);
      }
    } else if (ts.isInterfaceDeclaration(st) && st.name.text === 'ZegoEventListener') {
      for (const m of st.members) out.events.push(m.name!.getText());
    }
  }
  return out;
}

const exportsOf = fake as unknown as Record<string, unknown>;

export default function zegoFakeTest() {
  describe('ZegoFakeParity', () => {
    const declared = readDeclarations();

    it('exports every declared enum with the same members and values', 0, () => {
      expect(declared.enums.size).assertLarger(15);
      for (const [name, members] of declared.enums) {
        const actual = exportsOf[name] as Record<string, unknown> | undefined;
        expect(`${name}: ${actual === undefined ? 'missing' : 'exported'}`).assertEqual(`${name}: exported`);
        const actualMembers = Object.keys(actual!).filter((k) => Number.isNaN(Number(k)));
        expect(`${name}: ${actualMembers.sort().join(',')}`).assertEqual(`${name}: ${[...members.keys()].sort().join(',')}`);
        for (const [member, value] of members) {
          expect(`${name}.${member}=${String(actual![member])}`).assertEqual(`${name}.${member}=${value}`);
        }
      }
    });

    it('exports every declared class', 0, () => {
      expect(declared.classes.length).assertLarger(15);
      const missing = declared.classes.filter((c) => typeof exportsOf[c] !== 'function');
      expect(missing.join(',')).assertEqual('');
    });

    it('accepts exactly the declared event names', 0, () => {
      expect(declared.events.length).assertLarger(30);
      expect([...fake.ZEGO_EVENT_NAMES].sort().join(',')).assertEqual([...declared.events].sort().join(','));
    });

    it('implements every declared engine method and leaves out the undocumented off()', 0, () => {
      const engine = fake.default as unknown as Record<string, unknown>;
      const proto = fake.default.prototype as unknown as Record<string, unknown>;
      const missingStatic = declared.staticMethods.filter((m) => typeof engine[m] !== 'function');
      const missingInstance = declared.instanceMethods.filter((m) => typeof proto[m] !== 'function');
      expect(missingStatic.concat(missingInstance).join(',')).assertEqual('');
      expect(declared.optionalInstanceMethods.join(',')).assertEqual('off');
      expect(typeof proto.off).assertEqual('undefined');
    });
  });

  describe('ZegoFakeSettings', () => {
    const created = async (): Promise<fake.default> => {
      fake.default.setLogConfig(new fake.ZegoLogConfig());
      return fake.default.createEngine(new fake.ZegoEngineProfile(1, '', 4, {}));
    };
    const thrown = (action: () => void): string => {
      try {
        action();
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
      return '';
    };

    beforeEach(() => {
      fake.resetFake();
    });

    it('refuses a handler only for the events named in onThrowsFor, and records the attempt', 0, async (done: Function) => {
      fake.fakeSettings.onThrowsFor = ['onDebugError'];
      const engine = await created();
      expect(thrown(() => engine.on('onDebugError', () => undefined))).assertContain('no such event');
      expect(thrown(() => engine.on('onRoomStateChanged', () => undefined))).assertEqual('');
      expect(engine.registeredEvents().join(',')).assertEqual('onRoomStateChanged');
      expect(fake.callNames().filter((n) => n.startsWith('on:')).join(',')).assertEqual('on:onDebugError,on:onRoomStateChanged');
      done();
    });

    it('throws from the methods named in throwingMethods, with their arguments in the message', 0, async (done: Function) => {
      fake.fakeSettings.throwingMethods = ['stopPlayingStream'];
      const engine = await created();
      expect(thrown(() => engine.stopPlayingStream('remote1'))).assertContain('stopPlayingStream(remote1) failed');
      expect(thrown(() => engine.stopPreview(0))).assertEqual('');
      expect(fake.callsNamed('stopPlayingStream').length).assertEqual(1);
      done();
    });

    it('hands out the live engine again only when createReturnsLiveEngine is set', 0, async (done: Function) => {
      const engine = await created();
      expect(thrown(() => fake.default.createEngine(new fake.ZegoEngineProfile(1, '', 4, {})))).assertContain('while an engine exists');
      fake.fakeSettings.createReturnsLiveEngine = true;
      const again = await created();
      expect(again === engine).assertTrue();
      done();
    });

    it('returns a promise, nothing, or a rejection from each call whose ArkTS return value is undocumented', 0,
      async (done: Function) => {
        const seen: string[] = [];
        for (const style of [fake.ReturnStyle.Promise, fake.ReturnStyle.Void, fake.ReturnStyle.Rejected]) {
          fake.resetFake();
          fake.fakeSettings.returns.loginRoom = style;
          fake.fakeSettings.returns.logoutRoom = style;
          fake.fakeSettings.returns.renewToken = style;
          fake.fakeSettings.returns.destroyEngine = style;
          fake.fakeSettings.loginResult = new fake.FakeRoomResult(0, '{}');
          const engine = await created();
          const describeReturn = async (value: Object | undefined): Promise<string> => {
            if (!(value instanceof Promise)) return String(value);
            try {
              const resolved = await value;
              return `resolved ${JSON.stringify(resolved)}`;
            } catch (e) {
              return `rejected ${(e as fake.FakeSdkError).errorCode}`;
            }
          };
          const login = await describeReturn(engine.loginRoom('r', new fake.ZegoUser()));
          const rooms = engine.loggedInRooms().join();
          const renew = await describeReturn(engine.renewToken('r', 't'));
          const logout = await describeReturn(engine.logoutRoom('r'));
          const destroy = await describeReturn(fake.default.destroyEngine());
          seen.push(`${style}: ${login} [${rooms}] | ${renew} | ${logout} | ${destroy} | live=${fake.liveEngine() !== undefined}`);
        }
        expect(JSON.stringify(seen)).assertEqual(JSON.stringify([
          'promise: resolved {"errorCode":0,"extendedData":"{}"} [r] | resolved undefined | resolved undefined | resolved undefined | live=false',
          'void: undefined [r] | undefined | undefined | undefined | live=false',
          'rejected: rejected 1002099 [r] | rejected 1002099 | rejected 1002099 | rejected 1002099 | live=false']));
        done();
      });

    it('holds destroyEngine open until completeDestroy when holdDestroy is set', 0, async (done: Function) => {
      fake.fakeSettings.holdDestroy = true;
      await created();
      let completed = false;
      const destroying = (fake.default.destroyEngine() as Promise<void>).then(() => {
        completed = true;
      });
      await Promise.resolve();
      expect(fake.pendingDestroys()).assertEqual(1);
      expect(completed).assertFalse();
      fake.completeDestroy();
      await destroying;
      expect(completed).assertTrue();
      expect(fake.pendingDestroys()).assertEqual(0);
      done();
    });

    it('accepts createEngine without setLogConfig, as ZEGO documents setLogConfig as optional', 0, async (done: Function) => {
      const engine = await fake.default.createEngine(new fake.ZegoEngineProfile(1, '', 4, {}));
      expect(engine === fake.liveEngine()).assertTrue();
      done();
    });

    it('exports none of the names ZEGO\'s ArkTS docs do not document', 0, () => {
      const undocumented = ['ZegoRoomLoginResult', 'ZegoRoomLogoutResult', 'ZegoDeviceExceptionType', 'ZegoDeviceType'];
      expect(undocumented.filter((name) => exportsOf[name] !== undefined).join(',')).assertEqual('');
    });

    it('forgets every setting on resetFake', 0, () => {
      fake.fakeSettings.onThrowsFor = ['onDebugError'];
      fake.fakeSettings.throwingMethods = ['stopPreview'];
      fake.fakeSettings.createReturnsLiveEngine = true;
      fake.fakeSettings.returns.loginRoom = fake.ReturnStyle.Rejected;
      fake.fakeSettings.holdDestroy = true;
      fake.resetFake();
      expect(fake.fakeSettings.onThrowsFor.length).assertEqual(0);
      expect(fake.fakeSettings.throwingMethods.length).assertEqual(0);
      expect(fake.fakeSettings.createReturnsLiveEngine).assertFalse();
      expect(fake.fakeSettings.returns.loginRoom).assertEqual(fake.ReturnStyle.Promise);
      expect(fake.fakeSettings.holdDestroy).assertFalse();
    });
  });
}
