export * from './fastTrackCase';
export * from './sciTechCase';
