// A production-shaped key list for tests that load a production configuration (not the
// published development key, which production refuses).
export const PRODUCTION_TEST_PAYLOAD_KEYS = `2026-11:${Buffer.alloc(32, 7).toString('base64')}`;
