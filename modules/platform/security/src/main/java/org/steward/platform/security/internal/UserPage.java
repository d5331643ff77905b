package org.steward.platform.security.internal;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UserPage")
public record UserPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = UserView.class)
                       List<UserView> items, String nextCursor) {
}
