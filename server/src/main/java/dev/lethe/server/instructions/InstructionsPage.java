package dev.lethe.server.instructions;

import java.util.List;
import java.util.Map;

/**
 * The Data Deletion Instructions in one language, every list taken from the configuration and the
 * data map, every text resolved; the template only lays it out.
 *
 * @param selfServiceUrl the product's own delete button, or null
 * @param selfServiceSteps how to reach it, or null
 * @param contactEmail where to write, or null: then there is no e-mail door
 * @param metaScope what removing the app from Facebook deletes, or null when the map lacks it
 * @param requestScopes what each door's kinds of request delete
 * @param otherScopes the map's other scopes: for businesses and staff
 * @param rules the automatic deletions, empty when retention is off
 * @param rulesWhen when the rules run, or null
 * @param blocks the operator's own texts by the section they follow
 */
record InstructionsPage(
    String selfServiceUrl,
    String selfServiceSteps,
    boolean formOffered,
    String contactEmail,
    String metaAppName,
    ScopeView metaScope,
    List<ScopeView> requestScopes,
    List<ScopeView> otherScopes,
    List<Kept> kept,
    List<String> rules,
    String rulesWhen,
    List<PromiseRow> promises,
    List<LawRow> laws,
    String verificationValidity,
    String backupRetention,
    List<Named> subProcessors,
    Map<String, List<Block>> blocks,
    String callbackUrl,
    String deauthorizeUrl,
    String statusUrl) {

  /** A kind of data, with what people read for it. */
  record Named(String name, String description) {}

  /** What one scope deletes, changes, unlinks and keeps. */
  record ScopeView(
      String id,
      String name,
      String description,
      List<Named> deleted,
      List<String> changed,
      List<String> changedWhereKept,
      List<String> unlinked,
      List<String> retained) {}

  /** A kind of data the law makes the product keep: why, how long, and what is taken out of it. */
  record Kept(String name, String basis, String period, String anonymized) {}

  /** A door and what the product promises for it; {@code acknowledge} may be null. */
  record PromiseRow(String door, String acknowledge, String complete) {}

  /** A law's limits; null where it sets none. */
  record LawRow(String law, String acknowledge, String complete, String extension) {}

  /** An operator's text block. */
  record Block(String title, List<String> paragraphs) {}

  public List<Block> blocksAfter(String section) {
    return blocks.getOrDefault(section, List.of());
  }
}
