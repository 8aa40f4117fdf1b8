// SPDX-License-Identifier: Apache-2.0
// Host fake of '@kit.AbilityKit' for Node: `abilityAccessCtrl` as far as a page asks for the camera and the
// microphone when a call starts (the pages of docs/getting-started.md, rendered by
// tools/kit-tests/DocPages.render.test.ts). Shapes and values follow the API 13 declarations
// (@ohos.abilityAccessCtrl.d.ts, security/PermissionRequestResult.d.ts): createAtManager() →
// requestPermissionsFromUser(context, permissions) → Promise<{ permissions, authResults, dialogShownResults }>,
// GrantStatus PERMISSION_GRANTED = 0 and PERMISSION_DENIED = -1. What the "user" answers is set by a test with
// setPermissionAnswer(); every request is recorded in permissionRequests. Types (UIAbility, common, Want, ...)
// are erased when a page is compiled, so they need no fake. Plain TypeScript for Node, never part of the HAR.

/** The permissions of each requestPermissionsFromUser call, in order. */
export const permissionRequests: string[][] = [];

let answer: (permission: string) => boolean = (): boolean => true;
let failure: Error | undefined = undefined;

/**
 * Test hook: what the user grants from now on (a function of the permission name), or, with `error`, makes the
 * request reject with it (as the system does without a window). Clears the recorded requests.
 */
export function setPermissionAnswer(grant: (permission: string) => boolean, error?: Error): void {
  answer = grant;
  failure = error;
  permissionRequests.length = 0;
}

class PermissionRequestResult {
  permissions: string[];
  authResults: number[];
  dialogShownResults: boolean[];

  constructor(permissions: string[], authResults: number[]) {
    this.permissions = permissions;
    this.authResults = authResults;
    this.dialogShownResults = permissions.map((): boolean => true);
  }
}

class AtManager {
  requestPermissionsFromUser(context: object, permissionList: string[]): Promise<PermissionRequestResult> {
    permissionRequests.push(permissionList.slice());
    if (failure !== undefined) {
      return Promise.reject(failure);
    }
    const results: number[] = permissionList.map((p: string): number => (answer(p) ? 0 : -1));
    return Promise.resolve(new PermissionRequestResult(permissionList.slice(), results));
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace abilityAccessCtrl {
  export enum GrantStatus {
    PERMISSION_DENIED = -1,
    PERMISSION_GRANTED = 0
  }

  export function createAtManager(): AtManager {
    return new AtManager();
  }
}
