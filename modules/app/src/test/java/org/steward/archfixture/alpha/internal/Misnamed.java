package org.steward.archfixture.alpha.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "beta_misnamed")
public class Misnamed {
    @Id
    String id;
}
