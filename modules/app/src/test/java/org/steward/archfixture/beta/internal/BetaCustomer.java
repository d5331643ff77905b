package org.steward.archfixture.beta.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "beta_customer")
public class BetaCustomer {
    @Id
    String id;
}
