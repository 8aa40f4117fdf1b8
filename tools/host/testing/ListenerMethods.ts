// SPDX-License-Identifier: Apache-2.0
// The method names of CallEngineListener (components/src/main/ets/engine/CallEngine.ets), for host tools that
// wrap or replay every callback (the benchmark's listener tap, the fuzzer's world). An interface has no names
// at run time, so they are listed once here; tools/host/test/ListenerMethods.test.ts keeps the list equal to
// the interface.

/** Every method of CallEngineListener, in the port's order. */
export const LISTENER_METHODS: string[] = [
  'onRoomStateChanged', 'onRoomStateUpdate', 'onRoomUserUpdate', 'onRoomStreamUpdate', 'onRoomOnlineUserCountUpdate',
  'onRoomTokenWillExpire', 'onPublisherStateUpdate', 'onPublisherQualityUpdate', 'onPublisherCapturedVideoFirstFrame',
  'onPlayerStateUpdate', 'onPlayerQualityUpdate', 'onPlayerRecvVideoFirstFrame', 'onPlayerRenderVideoFirstFrame',
  'onRemoteCameraStateUpdate', 'onRemoteMicStateUpdate', 'onCapturedSoundLevelUpdate', 'onRemoteSoundLevelUpdate',
  'onNetworkQuality', 'onLocalDeviceError'
];
