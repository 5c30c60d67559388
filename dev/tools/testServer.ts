import fs from 'node:fs';
import path from 'node:path';
import { installOnce, runVisible, which } from './shell';

// Temporal's Java time-skipping test server, from Maven Central.
export const TEST_SERVER_VERSION = '1.31.0';

const pom = (version: string) => `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.greenlane</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;

// The SDK runs `<path> <port>` and waits only ~5 s for the port, so the JVM
// starts from a resolved classpath with a fast-start JIT; the SDK itself
// toggles time skipping, so no flag is added here.
const wrapper = (libDir: string) => `#!/bin/sh
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -cp "${libDir}/*" io.temporal.testserver.TestServer "$@"
`;

/** Returns the path of an executable that starts the time-skipping server, installing it once. */
export function ensureTestServer(cacheDir: string): string {
  const dir = path.join(cacheDir, 'temporal-test-server', TEST_SERVER_VERSION);
  const launcher = path.join(dir, 'temporal-test-server');
  if (fs.existsSync(launcher)) return launcher;
  if (!which('mvn') || !which('java')) {
    throw new Error('The time-skipping test server needs Java 17+ and Maven (mvn) on PATH');
  }
  const lib = path.join(dir, 'lib');
  installOnce(`fetching Temporal's Java test server ${TEST_SERVER_VERSION} from Maven Central into ${dir}`, () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'pom.xml'), pom(TEST_SERVER_VERSION));
    // Maven's repository inside Greenlane's cache too: an empty cache fetches every jar again.
    const repository = path.join(cacheDir, 'maven-repository');
    runVisible('mvn', ['-B', '-q', `-Dmaven.repo.local=${repository}`, '-f', path.join(dir, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`]);
  });
  // Written last: its presence marks a complete install.
  fs.writeFileSync(launcher, wrapper(lib), { mode: 0o755 });
  return launcher;
}
