package org.steward.platform.security.internal;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyPage")
public record ApiKeyPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = ApiKeyView.class)
                         List<ApiKeyView> items, String nextCursor) {
}
