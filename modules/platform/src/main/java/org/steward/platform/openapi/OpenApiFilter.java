package org.steward.platform.openapi;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Payara 6.2025.10 adds a non-standard top-level {@code endpoints} field to {@code /openapi}, which code generators
 * reject. Nothing in Payara turns it off; its writer omits empty maps, so clearing the map removes the field. The
 * filter and its config live in this JAR because an EAR reads OpenAPI config from lib/, not from the WAR.
 */
public class StripEndpointsFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(StripEndpointsFilter.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try {
            Object endpoints = openAPI.getClass().getMethod("getEndpoints").invoke(openAPI);
            if (endpoints instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (NoSuchMethodException e) {
            // A Payara without the field: nothing to strip.
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not strip Payara's non-standard 'endpoints' field from /openapi", e);
        }
    }
}
