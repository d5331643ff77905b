package org.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The embedded default keeps its H2 file in the data directory, beside the master key that unlocks it: moving
 * STEWARD_DATA_DIR moves both. (Before, the H2 file stayed in ./data of the working directory while the key went to
 * STEWARD_DATA_DIR.) The WAR repeats the defaults because the datasource is resolved before the JARs' config is seen.
 */
class DefaultDatabaseLocationTest {

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(file))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void theH2FileIsInTheDataDirectoryInBothCopiesOfTheDefaults() throws IOException {
        Properties war = load("src/main/resources/META-INF/microprofile-config.properties");
        Properties kernel = load("../platform/kernel/src/main/resources/META-INF/microprofile-config.properties");
        for (Properties p : new Properties[] {war, kernel}) {
            assertThat(p.getProperty("steward.db.url")).startsWith("jdbc:h2:file:${steward.data.dir}/steward;");
            assertThat(p.getProperty("steward.data.dir")).isEqualTo("./data");
        }
        assertThat(war.getProperty("steward.db.url")).isEqualTo(kernel.getProperty("steward.db.url"));
    }
}
