package org.steward.platform.kernel.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Payara writes a copy of a component's schema wherever a class is used (a response's {@code implementation}, a
 * {@code List<T>} field) instead of a {@code $ref}, so a generated client gets one model class per use
 * ({@code RegisterTenant201Response} instead of {@code Tenant}). This replaces every copy that is identical to exactly
 * one named component by a reference to it.
 */
final class OpenApiRefs {

    private static final String PREFIX = "#/components/schemas/";

    private final Map<String, String> componentByShape;
    /** By shape without the top-level description and required list, which Payara leaves out of some copies. */
    private final Map<String, String> componentByLooseShape;

    private OpenApiRefs(Map<String, Schema> components) {
        componentByShape = unique(components, OpenApiRefs::shape);
        componentByLooseShape = unique(components, OpenApiRefs::looseShape);
    }

    /** Each shape that exactly one component has, with that component's name. */
    private static Map<String, String> unique(Map<String, Schema> components,
                                              java.util.function.Function<Schema, String> shapeOf) {
        Map<String, String> byShape = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        components.forEach((name, schema) -> {
            if (worthAReference(schema)) {
                String shape = shapeOf.apply(schema);
                if (byShape.putIfAbsent(shape, name) != null) {
                    ambiguous.add(shape);
                }
            }
        });
        ambiguous.forEach(byShape::remove);
        return byShape;
    }

    static void replaceCopies(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        // Replacing the copies inside a component changes its shape (and Payara shares some schema objects between a
        // component and its copies): repeat with fresh shapes until nothing changes.
        String before = null;
        for (int pass = 0; pass < 5; pass++) {
            String now = documentShape(openAPI);
            if (now.equals(before)) {
                return;
            }
            before = now;
            pass(openAPI);
        }
    }

    private static void pass(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        OpenApiRefs refs = new OpenApiRefs(components);
        components.forEach((name, schema) -> refs.inside(schema));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> p.setSchema(refs.resolved(p.getSchema())));
            }
            item.getOperations().values().forEach(refs::operation);
        });
    }

    /** The shapes of every component and every operation's schemas: equal when a pass changed nothing. */
    private static String documentShape(OpenAPI openAPI) {
        StringBuilder all = new StringBuilder();
        openAPI.getComponents().getSchemas().forEach((name, s) -> all.append(name).append(shape(s)));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                all.append(path).append(method);
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null
                        && op.getRequestBody().getContent().getMediaTypes() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(m -> all.append(shape(m.getSchema())));
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().stream()
                            .filter(r -> r.getContent() != null && r.getContent().getMediaTypes() != null)
                            .forEach(r -> r.getContent().getMediaTypes().values()
                                    .forEach(m -> all.append(shape(m.getSchema()))));
                }
            }));
        }
        return all.toString();
    }

    private void operation(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> p.setSchema(resolved(p.getSchema())));
        }
        if (operation.getRequestBody() != null) {
            content(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent()));
        }
    }

    private void content(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> media.setSchema(resolved(media.getSchema())));
        }
    }

    /** The schema, or a reference to the component it copies. */
    private Schema resolved(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return schema;
        }
        String component = null;
        if (worthAReference(schema)) {
            component = componentByShape.get(shape(schema));
            if (component == null) {
                component = componentByLooseShape.get(looseShape(schema));
            }
        }
        if (component != null) {
            return OASFactory.createSchema().ref(PREFIX + component);
        }
        inside(schema);
        return schema;
    }

    /** Replaces the copies among the schema's parts (it stays itself). */
    private void inside(Schema schema) {
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> properties.put(name, resolved(property)));
            schema.setProperties(properties);
        }
        if (schema.getItems() != null) {
            schema.setItems(resolved(schema.getItems()));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            schema.setAdditionalPropertiesSchema(resolved(schema.getAdditionalPropertiesSchema()));
        }
        replaceAll(schema.getAllOf(), schema::setAllOf);
        replaceAll(schema.getAnyOf(), schema::setAnyOf);
        replaceAll(schema.getOneOf(), schema::setOneOf);
    }

    private void replaceAll(List<Schema> schemas, Consumer<List<Schema>> setter) {
        if (schemas != null) {
            setter.accept(new ArrayList<>(schemas.stream().map(this::resolved).toList()));
        }
    }

    /** Objects with properties and enums: a bare {@code string} or {@code object} says too little to be a copy. */
    private static boolean worthAReference(Schema schema) {
        return schema.getRef() == null && ((schema.getProperties() != null && !schema.getProperties().isEmpty())
                || (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()));
    }

    /** Everything the document says about a schema, in a stable order: equal shapes are the same schema. */
    static String shape(Schema s) {
        return s == null ? "-" : describe(s).toString();
    }

    static String looseShape(Schema s) {
        Map<String, Object> m = describe(s);
        m.remove("description");
        m.remove("required");
        return m.toString();
    }

    private static Map<String, Object> describe(Schema s) {
        Map<String, Object> m = new TreeMap<>();
        m.put("ref", s.getRef());
        m.put("type", s.getType());
        m.put("format", s.getFormat());
        m.put("title", s.getTitle());
        m.put("description", s.getDescription());
        m.put("enum", s.getEnumeration());
        m.put("default", s.getDefaultValue());
        m.put("required", s.getRequired() == null ? null : new java.util.TreeSet<>(s.getRequired()));
        m.put("nullable", s.getNullable());
        m.put("readOnly", s.getReadOnly());
        m.put("writeOnly", s.getWriteOnly());
        m.put("deprecated", s.getDeprecated());
        m.put("pattern", s.getPattern());
        m.put("minLength", s.getMinLength());
        m.put("maxLength", s.getMaxLength());
        m.put("minimum", s.getMinimum());
        m.put("maximum", s.getMaximum());
        m.put("exclusiveMinimum", s.getExclusiveMinimum());
        m.put("exclusiveMaximum", s.getExclusiveMaximum());
        m.put("minItems", s.getMinItems());
        m.put("maxItems", s.getMaxItems());
        m.put("uniqueItems", s.getUniqueItems());
        m.put("minProperties", s.getMinProperties());
        m.put("maxProperties", s.getMaxProperties());
        m.put("multipleOf", s.getMultipleOf());
        m.put("example", s.getExample());
        m.put("items", s.getItems() == null ? null : shape(s.getItems()));
        m.put("additionalProperties", s.getAdditionalPropertiesSchema() != null
                ? shape(s.getAdditionalPropertiesSchema()) : s.getAdditionalPropertiesBoolean());
        m.put("allOf", shapes(s.getAllOf()));
        m.put("anyOf", shapes(s.getAnyOf()));
        m.put("oneOf", shapes(s.getOneOf()));
        m.put("not", s.getNot() == null ? null : shape(s.getNot()));
        if (s.getProperties() != null) {
            Map<String, String> properties = new TreeMap<>();
            s.getProperties().forEach((name, property) -> properties.put(name, shape(property)));
            m.put("properties", properties);
        }
        m.values().removeIf(Objects::isNull);
        return m;
    }

    private static List<String> shapes(List<Schema> schemas) {
        return schemas == null ? null : schemas.stream().map(OpenApiRefs::shape).toList();
    }
}
