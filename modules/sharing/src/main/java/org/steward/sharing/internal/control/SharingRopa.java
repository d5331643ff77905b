package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.steward.consent.api.PurposeCatalog;
import org.steward.consent.api.RopaContributor;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * The Art. 30 record's recipients and transfers, from the register: the active subprocessors registered to receive
 * any of the purpose's data categories, and where they process it under which safeguard.
 */
@ApplicationScoped
public class SharingRopa implements RopaContributor {

    @Inject
    Register register;

    @Inject
    PurposeCatalog catalog;

    @Override
    public Optional<String> recipients(String purposeKey) {
        List<String> out = new ArrayList<>();
        for (Subprocessor s : recipientsOf(purposeKey)) {
            out.add(s.name() + " (" + s.category() + ": " + s.purpose() + ")");
        }
        return Optional.of(out.isEmpty() ? "none: no subprocessor receives this purpose's data"
                : String.join("; ", out));
    }

    @Override
    public Optional<String> transfers(String purposeKey) {
        List<String> out = new ArrayList<>();
        for (Subprocessor s : recipientsOf(purposeKey)) {
            if (s.transferMechanism() != Subprocessor.TransferMechanism.NONE_REQUIRED) {
                out.add(s.name() + ": " + String.join(", ", s.countries()) + " (" + s.transferMechanism()
                        + (s.dpaReference() == null ? "" : ", DPA " + s.dpaReference()) + ")");
            }
        }
        return Optional.of(out.isEmpty() ? "none outside the EEA" : String.join("; ", out));
    }

    private List<Subprocessor> recipientsOf(String purposeKey) {
        Set<String> categories = Set.copyOf(catalog.categoriesOf(purposeKey));
        List<Subprocessor> out = new ArrayList<>();
        for (Subprocessor s : register.list(Subprocessor.Status.ACTIVE)) {
            if (s.dataCategories().stream().anyMatch(categories::contains)) {
                out.add(s);
            }
        }
        return out;
    }
}
