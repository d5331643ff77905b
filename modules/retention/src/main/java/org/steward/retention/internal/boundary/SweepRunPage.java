package org.steward.retention.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SweepRunPage")
public record SweepRunPage(@Schema(required = true) List<SweepRunView> items, String nextCursor) {
}
