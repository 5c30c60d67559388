export * from './fastTrackCase';
