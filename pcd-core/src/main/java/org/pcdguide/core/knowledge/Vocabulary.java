package org.pcdguide.core.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ids a case may use: diagnoses, findings and their details, labs and units, agents, regimens.
 */
public record Vocabulary(
    Map<String, Term> diagnoses,
    Map<String, FindingDef> findings,
    Map<String, LabDef> labs,
    Map<String, AgentDef> agents,
    Map<String, RegimenDef> regimens,
    Map<String, AttributeDef> attributes) {

  public Vocabulary {
    attributes = copy(attributes);
    diagnoses = copy(diagnoses);
    findings = copy(findings);
    labs = copy(labs);
    agents = copy(agents);
    regimens = copy(regimens);
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A labelled id. */
  public record Term(String id, String label) {}

  /** A typed detail a finding may carry. */
  public record DetailDef(String name, DetailType type, List<String> values, Optional<Long> min) {
    public DetailDef {
      values = List.copyOf(values);
    }
  }

  /** The kinds of finding detail. */
  public enum DetailType {
    ENUM,
    ENUM_LIST,
    BOOLEAN,
    INTEGER;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** A finding and the details it may carry. */
  public record FindingDef(String id, String label, Map<String, DetailDef> details) {
    public FindingDef {
      details = copy(details);
    }
  }

  /** A lab test, its canonical UCUM unit and an optional upper bound (e.g. 100 for percent). */
  public record LabDef(String id, String label, String unit, Optional<Double> max) {}

  /**
   * How an agent acts (systemic, corticosteroid, local, procedure or supportive) and its cited
   * attributes by attribute id.
   */
  public record AgentDef(
      String id, String label, String agentClass, Map<String, AttributeValue> attributes) {
    public AgentDef {
      attributes = copy(attributes);
    }

    public AgentDef(String id, String label, String agentClass) {
      this(id, label, agentClass, Map.of());
    }

    public boolean systemic() {
      return "systemic".equals(agentClass);
    }

    /** Given or ordered as a procedure (ServiceRequest, Procedure) rather than a drug. */
    public boolean procedure() {
      return "procedure".equals(agentClass) || "local".equals(agentClass);
    }
  }

  /**
   * An attribute agents may carry (e.g. neurotoxicity), its values, and the agent classes for which
   * a missing value is a gap in the sources ({@code appliesTo}); for other agents it does not
   * apply.
   */
  public record AttributeDef(String id, String label, List<String> values, List<String> appliesTo) {
    public AttributeDef {
      values = List.copyOf(values);
      appliesTo = List.copyOf(appliesTo);
    }
  }

  /** One agent's value of an attribute, with the evidence that states it (never from memory). */
  public record AttributeValue(String value, List<Evidence> evidence) {
    public AttributeValue {
      evidence = List.copyOf(evidence);
    }
  }

  /** Whether an agent is in a class named by attribute, outside it, or unsourced for it. */
  public AttributeClass.Membership membership(String agent, AttributeClass c) {
    AgentDef a = agents.get(agent);
    if (a == null) {
      return AttributeClass.Membership.NOT_MEMBER;
    }
    AttributeValue v = a.attributes().get(c.attribute());
    if (v != null) {
      return v.value().equals(c.value())
          ? AttributeClass.Membership.MEMBER
          : AttributeClass.Membership.NOT_MEMBER;
    }
    AttributeDef def = attributes.get(c.attribute());
    return def != null && def.appliesTo().contains(a.agentClass())
        ? AttributeClass.Membership.UNSOURCED
        : AttributeClass.Membership.NOT_MEMBER;
  }

  /** The agents of a class, in vocabulary order. */
  public List<String> members(AttributeClass c) {
    return agents.keySet().stream()
        .filter(a -> membership(a, c) == AttributeClass.Membership.MEMBER)
        .toList();
  }

  /** The agents for which no pack source gives the class's attribute, in vocabulary order. */
  public List<String> unsourced(AttributeClass c) {
    return agents.keySet().stream()
        .filter(a -> membership(a, c) == AttributeClass.Membership.UNSOURCED)
        .toList();
  }

  /** A named regimen and its agents. */
  public record RegimenDef(String id, String label, List<String> agents) {
    public RegimenDef {
      agents = List.copyOf(agents);
    }
  }

  /** Whether {@code id} is an agent or a regimen. */
  public boolean isTherapy(String id) {
    return agents.containsKey(id) || regimens.containsKey(id);
  }

  /** The agents an agent or regimen id stands for. */
  public List<String> agentsOf(String id) {
    RegimenDef regimen = regimens.get(id);
    return regimen != null ? regimen.agents() : List.of(id);
  }

  public Set<String> therapyIds() {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>(agents.keySet());
    ids.addAll(regimens.keySet());
    return ids;
  }

  public String label(String id) {
    if (agents.containsKey(id)) {
      return agents.get(id).label();
    }
    if (regimens.containsKey(id)) {
      return regimens.get(id).label();
    }
    if (findings.containsKey(id)) {
      return findings.get(id).label();
    }
    if (labs.containsKey(id)) {
      return labs.get(id).label();
    }
    if (diagnoses.containsKey(id)) {
      return diagnoses.get(id).label();
    }
    return id;
  }
}
