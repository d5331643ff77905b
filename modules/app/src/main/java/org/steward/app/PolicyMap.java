package org.steward.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The promise map (docs/policy-map.yaml): each clause of the privacy policy, the classes that keep it and the tests
 * that prove it. It lives in the app because it speaks of every module, and nothing may depend on the app; the
 * build packages the committed file as {@link #RESOURCE}.
 */
public record PolicyMap(String policy, List<Clause> clauses) {

    public static final String RESOURCE = "META-INF/steward/policy-map.yaml";

    public static final Set<String> STATES = Set.of("enforced", "partial", "not-enforced");

    public record Clause(String id, String title, String promise, String state, List<String> enforcedBy,
                         List<String> provedBy, String notes) {
    }

    /** The packaged map, read once per class loader. */
    public static PolicyMap packaged() {
        return Packaged.MAP;
    }

    private static final class Packaged {
        static final PolicyMap MAP = load();

        private static PolicyMap load() {
            try (InputStream in = PolicyMap.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not packaged");
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads the YAML (plain data only: SafeConstructor builds no objects from tags). A wrong shape is an error. */
    public static PolicyMap parse(InputStream yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> top) || !(top.get("clauses") instanceof List<?> entries)) {
            throw new IllegalArgumentException("the policy map needs a list 'clauses'");
        }
        List<Clause> clauses = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("each clause is a map, not " + entry);
            }
            clauses.add(new Clause(text(m, "id"), text(m, "title"), text(m, "promise"), text(m, "state"),
                    names(m, "enforcedBy"), names(m, "provedBy"), text(m, "notes")));
        }
        return new PolicyMap(top.get("policy") == null ? null : top.get("policy").toString(), List.copyOf(clauses));
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString().strip();
    }

    private static List<String> names(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(m.get("id") + ": " + key + " is a list");
        }
        return list.stream().map(o -> o.toString().strip()).toList();
    }
}
