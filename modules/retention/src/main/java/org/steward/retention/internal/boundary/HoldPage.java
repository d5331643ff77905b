package org.steward.retention.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LegalHoldPage")
public record HoldPage(@Schema(required = true) List<HoldView> items, String nextCursor) {
}
