package org.steward.platform.kernel.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * What a module JAR says about itself in {@value #DESCRIPTOR}, so that nothing outside the module lists it: its name,
 * its OpenAPI tag and the folder of its Flyway migrations. Read from every JAR on the class path (WEB-INF/lib in the
 * WAR, lib/ in the EAR).
 *
 * @param name        the module's name, e.g. {@code consent} or {@code platform-crypto}
 * @param tag         the OpenAPI tag its operations carry, or null
 * @param description the tag's description, or null
 * @param migrations  its folder under {@code db/migration/}, or null when it has no tables. The platform's parts
 *                    share the folder {@code platform} (one history table, as installed databases have it).
 */
public record StewardModule(String name, String tag, String description, String migrations) {

    public static final String DESCRIPTOR = "META-INF/steward/module.properties";

    /** Every module on the class path: the platform's parts first, then the domain modules, each group by name. */
    public static List<StewardModule> all(ClassLoader classLoader) {
        List<StewardModule> modules = new ArrayList<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(DESCRIPTOR))) {
                modules.add(read(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + DESCRIPTOR, e);
        }
        modules.sort(Comparator.comparing((StewardModule m) -> !m.name().startsWith("platform"))
                .thenComparing(StewardModule::name));
        return modules;
    }

    /** One descriptor. */
    public static StewardModule read(URL url) {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
        String name = p.getProperty("name");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException(url + " names no module (name=...)");
        }
        return new StewardModule(name.strip(), blankToNull(p.getProperty("tag")),
                blankToNull(p.getProperty("description")), blankToNull(p.getProperty("migrations")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
