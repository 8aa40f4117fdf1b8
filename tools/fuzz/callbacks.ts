// SPDX-License-Identifier: Apache-2.0
// Callbacks the fuzzer makes up rather than replays: one of every CallEngineListener kind with arguments that
// would change something in a live call (for `lateAny`, delivered after the call ended, where they must change
// nothing), and room callbacks for a room the app never joined (for `foreignRoom`, which must be ignored).
// Replayed callbacks (`duplicate`, `late`, `reorder`) come from the world's history instead.

import {
  EngineStream, EngineUser, PlayerState, PlayQuality, PublishChannel, PublisherState, PublishQuality, RemoteDeviceState,
  RoomState, RoomStateChangedReason, StreamQualityLevel, UpdateType
} from '../../components/src/main/ets/engine/EngineTypes';
import { Callback } from './world';

/** A room the fuzzer's app never joins. */
const FOREIGN_ROOM: string = 'room9';

function publishQuality(level: StreamQualityLevel): PublishQuality {
  const q = new PublishQuality();
  q.level = level;
  return q;
}

function playQuality(level: StreamQualityLevel): PlayQuality {
  const q = new PlayQuality();
  q.level = level;
  return q;
}

/** The room callbacks, for `roomID`, that would change a call in that room. */
function roomCallbacks(roomID: string, streamID: string): Callback[] {
  const carol = new EngineUser('carol', 'Carol');
  return [
    { name: 'onRoomStateChanged', args: [roomID, RoomStateChangedReason.Logined, 0, ''] },
    { name: 'onRoomStateChanged', args: [roomID, RoomStateChangedReason.Reconnecting, 1002051, ''] },
    { name: 'onRoomStateChanged', args: [roomID, RoomStateChangedReason.Reconnected, 0, ''] },
    { name: 'onRoomStateChanged', args: [roomID, RoomStateChangedReason.KickOut, 1002050, ''] },
    { name: 'onRoomStateChanged', args: [roomID, RoomStateChangedReason.LoginFailed, 1002033, ''] },
    { name: 'onRoomStateUpdate', args: [roomID, RoomState.Connected, 0, ''] },
    { name: 'onRoomUserUpdate', args: [roomID, UpdateType.Add, [carol]] },
    { name: 'onRoomUserUpdate', args: [roomID, UpdateType.Delete, [carol]] },
    { name: 'onRoomStreamUpdate', args: [roomID, UpdateType.Add, [new EngineStream(streamID, carol, '')], ''] },
    { name: 'onRoomStreamUpdate', args: [roomID, UpdateType.Delete, [new EngineStream(streamID, carol, '')], ''] },
    { name: 'onRoomOnlineUserCountUpdate', args: [roomID, 9] },
    { name: 'onRoomTokenWillExpire', args: [roomID, 20] }
  ];
}

/** One callback of any kind, chosen by `pick`, for `roomID`, the local stream and a remote stream. */
export function anyCallback(pick: number, roomID: string, localStreamID: string, remoteStreamID: string): Callback {
  const levels = new Map<string, number>();
  levels.set(remoteStreamID, 66);
  const all: Callback[] = roomCallbacks(roomID, remoteStreamID).concat([
    { name: 'onPublisherStateUpdate', args: [localStreamID, PublisherState.NoPublish, 1003023, ''] },
    { name: 'onPublisherStateUpdate', args: [localStreamID, PublisherState.Publishing, 0, ''] },
    { name: 'onPublisherQualityUpdate', args: [localStreamID, publishQuality(StreamQualityLevel.Bad)] },
    { name: 'onPublisherCapturedVideoFirstFrame', args: [PublishChannel.Main] },
    { name: 'onPlayerStateUpdate', args: [remoteStreamID, PlayerState.Playing, 0, ''] },
    { name: 'onPlayerStateUpdate', args: [remoteStreamID, PlayerState.NoPlay, 1004002, ''] },
    { name: 'onPlayerQualityUpdate', args: [remoteStreamID, playQuality(StreamQualityLevel.Bad)] },
    { name: 'onPlayerRecvVideoFirstFrame', args: [remoteStreamID] },
    { name: 'onPlayerRenderVideoFirstFrame', args: [remoteStreamID] },
    { name: 'onRemoteCameraStateUpdate', args: [remoteStreamID, RemoteDeviceState.Disable] },
    { name: 'onRemoteMicStateUpdate', args: [remoteStreamID, RemoteDeviceState.Mute] },
    { name: 'onCapturedSoundLevelUpdate', args: [77] },
    { name: 'onRemoteSoundLevelUpdate', args: [levels] },
    { name: 'onNetworkQuality', args: ['', StreamQualityLevel.Die, StreamQualityLevel.Die] },
    { name: 'onLocalDeviceError', args: [1006003, 'camera'] },
    { name: 'onLocalDeviceError', args: [1006003, 'microphone'] }
  ]);
  return all[pick % all.length];
}

/** A room callback for a room the app never joined, chosen by `pick`. */
export function foreignRoomCallback(pick: number, remoteStreamID: string): Callback {
  const all = roomCallbacks(FOREIGN_ROOM, remoteStreamID);
  return all[pick % all.length];
}
