package org.steward.retention.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasurePage")
public record ErasurePage(@Schema(required = true) List<ErasureView> items, String nextCursor) {
}
