package dev.lethe.core.meta;

/** Which of an app's secrets verified a signed request. */
public enum SecretSlot {
  CURRENT,
  /** The secret before the last rotation: time to finish rotating once these stop arriving. */
  PREVIOUS
}
