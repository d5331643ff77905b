package org.steward.archfixture.alpha.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.steward.archfixture.beta.internal.BetaCustomer;

@Entity
@Table(name = "alpha_order")
public class AlphaOrder {
    @Id
    String id;
    @ManyToOne
    BetaCustomer customer;
}
