import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Build step of the app (a single-file program, run by the exec plugin): writes persistence.xml from its template
 * with one {@code <class>} per {@code @Entity} found in the Steward module JARs of the class path, so that a new
 * module's entities join the one persistence unit without an edit outside the module.
 *
 * <p>Arguments: template, output file, class path.
 */
public final class PersistenceUnitWriter {

    private static final String PLACEHOLDER = "<!-- @ENTITIES@ -->";
    private static final String ENTITY_DESCRIPTOR = "Ljakarta/persistence/Entity;";

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: PersistenceUnitWriter <template> <output> <class path>");
        }
        String template = Files.readString(Path.of(args[0]));
        if (!template.contains(PLACEHOLDER)) {
            throw new IllegalStateException(args[0] + " has no " + PLACEHOLDER);
        }
        List<URL> urls = new ArrayList<>();
        List<File> elements = new ArrayList<>();
        for (String element : args[2].split(File.pathSeparator)) {
            File f = new File(element);
            if (f.exists()) {
                elements.add(f);
                urls.add(f.toURI().toURL());
            }
        }
        TreeSet<String> entities = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> entity =
                    (Class<? extends Annotation>) loader.loadClass("jakarta.persistence.Entity");
            for (File element : elements) {
                for (String name : stewardClasses(element)) {
                    // Only classes that mention the annotation are loaded: others may need libraries not listed here.
                    byte[] bytes = loader.getResourceAsStream(name.replace('.', '/') + ".class").readAllBytes();
                    if (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(ENTITY_DESCRIPTOR)
                            && loader.loadClass(name).isAnnotationPresent(entity)) {
                        entities.add(name);
                    }
                }
            }
        }
        if (entities.isEmpty()) {
            throw new IllegalStateException("No @Entity class found on " + args[2]);
        }
        StringBuilder classes = new StringBuilder();
        for (String name : entities) {
            classes.append(classes.length() == 0 ? "" : "\n    ").append("<class>").append(name).append("</class>");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, template.replace(PLACEHOLDER, classes));
        System.out.println("persistence.xml: " + entities.size() + " entities");
    }

    /** The classes under org/steward of a JAR or a class directory, by binary name. */
    private static List<String> stewardClasses(File element) throws IOException {
        List<String> names = new ArrayList<>();
        if (element.isDirectory()) {
            Path root = element.toPath();
            Path base = root.resolve("org/steward");
            if (Files.isDirectory(base)) {
                try (Stream<Path> files = Files.walk(base)) {
                    files.filter(p -> p.toString().endsWith(".class"))
                            .forEach(p -> names.add(binaryName(root.relativize(p).toString().replace(File.separatorChar, '/'))));
                }
            }
        } else if (element.getName().endsWith(".jar")) {
            try (JarFile jar = new JarFile(element)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String entry = e.nextElement().getName();
                    if (entry.startsWith("org/steward/") && entry.endsWith(".class")) {
                        names.add(binaryName(entry));
                    }
                }
            }
        }
        return names;
    }

    private static String binaryName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
