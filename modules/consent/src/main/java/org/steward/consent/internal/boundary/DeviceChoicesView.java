package org.steward.consent.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.internal.control.Receipt;

@Schema(name = "DeviceChoices")
public record DeviceChoicesView(@Schema(required = true) String deviceId,
                                @Schema(required = true, description = "This request carried Sec-GPC: 1")
                                boolean gpc,
                                @Schema(required = true, type = SchemaType.ARRAY, implementation = ConsentStateView.class)
                                List<ConsentStateView> choices,
                                @Schema(required = true, type = SchemaType.ARRAY, implementation = Receipt.class,
                                        description = "Receipts of the changes this request made")
                                List<Receipt> receipts) {
}
