package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A population screening rule (pcd screen): flags a patient worth acting on, by finding. A rule
 * that changes management {@code holds} orders: it also runs in every assessment, and a proposed
 * order giving one of the held agents gets a warning while the hold's condition is true.
 */
public record ScreeningRule(Basis basis, String item, Optional<Hold> holds) implements Entry {

  /**
   * The orders (vocabulary agent or regimen ids) a fired rule holds, and the condition under which
   * the hold stands (e.g. while POEMS is not excluded).
   */
  public record Hold(List<String> orders, Condition whileTrue) {
    public Hold {
      orders = List.copyOf(orders);
    }
  }
}
