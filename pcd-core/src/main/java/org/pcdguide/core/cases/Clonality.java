package org.pcdguide.core.cases;

import java.util.Optional;

/**
 * Clonality studies: M-protein, plasma-cell light-chain IHC and polyclonal hypergammaglobulinemia.
 */
public record Clonality(
    Optional<Boolean> mProteinPresent,
    Optional<String> heavyChain,
    Optional<String> lightChain,
    Optional<Boolean> ihcKappa,
    Optional<Boolean> ihcLambda,
    Optional<Boolean> polyclonalHypergammaglobulinemia) {

  public static Clonality unknown() {
    return new Clonality(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
