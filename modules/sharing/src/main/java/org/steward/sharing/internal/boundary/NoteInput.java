package org.steward.sharing.internal.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConfirmationInput", description = "A privacy officer's confirmation that the recipient did it")
public record NoteInput(@Schema(maxLength = 1000, description = "How it was confirmed (a ticket, an email)")
                        @Size(max = 1000) String note) {
}
