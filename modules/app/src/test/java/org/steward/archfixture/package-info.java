/** Deliberate violations of the architecture rules, one per rule: ArchitectureRulesTest checks that each rule fails. Never imported by the real check (test classes are left out). */
package org.steward.archfixture;
