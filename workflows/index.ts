export * from './fastTrackCase';
export * from './sciTechCase';
export * from './cadenceReport';
export * from './jointConsultation';
export * from './consultationBatch';
export * from './lead';
