package org.steward.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.steward.testing.container.TierStartup;

/**
 * The micro-deployment of one domain module for the module tier: a WAR with the module's own classes, everything the
 * module brings into a WAR at run time (the Steward modules it needs, the platform's parts, Flyway...), a persistence
 * unit listing their entities, a fresh database ({@link TierDatabase}), the in-container support
 * ({@code org.steward.testing.container}: migrations at start-up, transactions, row counts, fired events) and the test
 * class with its helpers.
 *
 * <p>What the module needs is not listed here: the module-tier profile of the parent pom writes the module's runtime
 * class path (Maven's order) to a file, and every entry goes in as a library. Entries that hold Steward code (a
 * {@code META-INF/beans.xml} and classes under {@code org/steward/}) contribute their entities and their migrations
 * ({@code db/migration/<name>}), which run in class-path order, the module under test last. A new platform part or
 * module dependency therefore needs no change here.
 *
 * <pre>{@code
 * @Deployment
 * static WebArchive deployment() {
 *     return ModuleDeployment.of(IdentityModuleIT.class).build();
 * }
 * }</pre>
 */
public final class ModuleDeployment {

    private static final Logger LOG = Logger.getLogger(ModuleDeployment.class.getName());
    private static final Pattern MIGRATION = Pattern.compile("^db/migration/([^/]+)/[^/]+\\.sql$");
    private static final String ASSERTJ = "org.assertj.core.api.Assertions";
    /** The app's WAR carries the PostgreSQL driver (Payara has none); H2 is Payara Micro's own. */
    private static final String POSTGRESQL = "org.postgresql.Driver";

    private final Class<?> testClass;
    private final List<Class<?>> helpers = new ArrayList<>();
    private final List<String> libraryMarkers = new ArrayList<>(List.of(POSTGRESQL, ASSERTJ));
    private final StringBuilder config = new StringBuilder();

    private ModuleDeployment(Class<?> testClass) {
        this.testClass = testClass;
    }

    /** The deployment for this test class (its nested and inner classes come along). */
    public static ModuleDeployment of(Class<?> testClass) {
        return new ModuleDeployment(testClass);
    }

    /** Test helpers (observers, fakes) that run in the container beside the test class. */
    public ModuleDeployment with(Class<?>... classes) {
        helpers.addAll(List.of(classes));
        return this;
    }

    /** A test-scope library that in-container test code uses, named by one of its classes (AssertJ is in). */
    public ModuleDeployment library(String markerClass) {
        libraryMarkers.add(markerClass);
        return this;
    }

    /** A setting for this deployment (MicroProfile Config; wins over the modules' defaults and the environment). */
    public ModuleDeployment config(String key, String value) {
        config.append(key).append('=').append(value).append('\n');
        return this;
    }

    public WebArchive build() {
        String module = required("steward.tier.module");
        Path classes = Path.of(required("steward.tier.classes"));
        Path work = Path.of(required("steward.tier.work"));
        try {
            // The adapter writes its copy of the WAR to java.io.tmpdir (the build's target directory, see the pom).
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        WebArchive war = ShrinkWrap.create(WebArchive.class, module + ".war");
        Set<String> migrations = new LinkedHashSet<>();
        Set<String> entities = new LinkedHashSet<>();
        for (Path library : libraries()) {
            List<String> entries = entries(library);
            if (Files.isDirectory(library)) {
                war.addAsLibrary(exploded(library, library.getParent().getParent().getFileName() + ".jar"));
            } else {
                war.addAsLibrary(library.toFile());
            }
            if (stewardCode(entries)) {
                migrations.addAll(migrations(entries));
                entities.addAll(entities(entries));
            }
        }
        List<String> own = entries(classes);
        war.addAsLibrary(exploded(classes, module + ".jar"));
        migrations.addAll(migrations(own));
        entities.addAll(entities(own));
        for (String marker : libraryMarkers) {
            war.addAsLibrary(codeSource(marker));
        }

        war.addPackage(TierStartup.class.getPackage());
        war.addClass(testClass);
        helpers.forEach(war::addClass);
        war.addAsWebInfResource(new StringAsset(beansXml()), "beans.xml");

        TierDatabase db = TierDatabase.fresh(module.replace("steward-", ""));
        war.setWebXML(new StringAsset(webXml(db)));
        war.addAsResource(new StringAsset(persistenceXml(entities)), "META-INF/persistence.xml");
        war.addAsResource(new StringAsset(configProperties(db, migrations, work.resolve("data"))),
                "META-INF/microprofile-config.properties");
        LOG.info("Module tier: " + war.getName() + " on " + (db.postgres() ? "PostgreSQL" : "H2 in memory")
                + ", migrations " + migrations + ", " + entities.size() + " entities");
        return war;
    }

    private static List<Path> libraries() {
        Path file = Path.of(required("steward.tier.libraries"));
        try {
            String text = Files.readString(file).trim();
            List<Path> out = new ArrayList<>();
            for (String part : text.split(Pattern.quote(File.pathSeparator))) {
                Path p = Path.of(part.trim());
                if (!part.isBlank() && (Files.isDirectory(p) || p.toString().endsWith(".jar"))) {
                    out.add(p);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the module's runtime class path " + file, e);
        }
    }

    private static JavaArchive exploded(Path dir, String name) {
        return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(dir.toFile()).as(JavaArchive.class);
    }

    /** Entry names ({@code a/b/C.class}) of a JAR or a class directory. */
    private static List<String> entries(Path library) {
        try {
            if (Files.isDirectory(library)) {
                try (Stream<Path> files = Files.walk(library)) {
                    return files.filter(Files::isRegularFile)
                            .map(f -> library.relativize(f).toString().replace(File.separatorChar, '/')).sorted()
                            .toList();
                }
            }
            try (ZipFile zip = new ZipFile(library.toFile())) {
                return zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + library, e);
        }
    }

    private static boolean stewardCode(List<String> entries) {
        return entries.contains("META-INF/beans.xml") && entries.stream().anyMatch(e -> e.startsWith("org/steward/"));
    }

    private static List<String> migrations(List<String> entries) {
        Set<String> names = new LinkedHashSet<>();
        for (String e : entries) {
            Matcher m = MIGRATION.matcher(e);
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        return List.copyOf(names);
    }

    private static List<String> entities(List<String> entries) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            if (!e.startsWith("org/steward/") || !e.endsWith(".class") || e.endsWith("-info.class")) {
                continue;
            }
            String name = e.substring(0, e.length() - ".class".length()).replace('/', '.');
            try {
                Class<?> c = Class.forName(name, false, ModuleDeployment.class.getClassLoader());
                if (c.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                    out.add(name);
                }
            } catch (ClassNotFoundException | LinkageError ex) {
                // not loadable outside the server (a provided-scope dependency): cannot be an entity of ours
            }
        }
        return out;
    }

    private static File codeSource(String className) {
        try {
            Class<?> c = Class.forName(className, false, ModuleDeployment.class.getClassLoader());
            return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
            throw new IllegalStateException("No library on the test class path holds " + className, e);
        }
    }

    private static String beansXml() {
        return """
                <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
                """;
    }

    /** The datasource the modules look up ({@code java:app/jdbc/steward}), with this deployment's database. */
    private static String webXml(TierDatabase db) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <data-source>
                    <name>java:app/jdbc/steward</name>
                    <class-name>%s</class-name>
                    <url>%s</url>
                    <user>%s</user>
                    <password>%s</password>
                    <min-pool-size>2</min-pool-size>
                    <max-pool-size>32</max-pool-size>
                  </data-source>
                </web-app>
                """.formatted(xml(db.driver()), xml(db.url()), xml(db.user()),
                // Payara's pool refuses a user without a password ("No password credential found"). An empty
                // STEWARD_DB_PASSWORD (CI: trust authentication) gives the app the WAR's default, "steward", too.
                xml(db.password().isEmpty() ? "steward" : db.password()));
    }

    /** The app's persistence unit, with the entities of the modules in this deployment. */
    private static String persistenceXml(Set<String> entities) {
        StringBuilder classes = new StringBuilder();
        entities.forEach(e -> classes.append("    <class>").append(e).append("</class>\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="steward" transaction-type="JTA">
                    <jta-data-source>java:app/jdbc/steward</jta-data-source>
                %s    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <shared-cache-mode>ENABLE_SELECTIVE</shared-cache-mode>
                    <properties>
                      <property name="jakarta.persistence.schema-generation.database.action" value="none"/>
                      <property name="eclipselink.logging.parameters" value="false"/>
                      <property name="eclipselink.logging.level" value="WARNING"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """.formatted(classes);
    }

    private String configProperties(TierDatabase db, Set<String> migrations, Path dataDir) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // Above environment variables (300): CI's STEWARD_* settings are the black-box tier's, not this deployment's.
        return "config_ordinal=400\n"
                + TierStartup.MIGRATIONS + "=" + String.join(",", migrations) + "\n"
                + "steward.crypto.master-key=" + Base64.getEncoder().encodeToString(key) + "\n"
                + "steward.data.dir=" + dataDir.toAbsolutePath().toString().replace("\\", "\\\\") + "\n"
                + "steward.tier.database=" + (db.postgres() ? "postgresql" : "h2") + "\n"
                + config;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: the module tier runs"
                    + " through Maven (mvn verify), whose module-tier profile (parent pom) sets it");
        }
        return v;
    }
}
