package dev.lethe.core.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Receipts (and other records of what was deleted) as JSON, the form they are stored in. */
public final class ReceiptJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ReceiptJson() {}

  public static String write(Receipt receipt) {
    try {
      return MAPPER.writeValueAsString(receipt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write receipt", e);
    }
  }

  /** Any record of what was deleted (a retention sweep's outcome, say), written as receipts are. */
  public static String writeRecord(Record record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + record.getClass().getSimpleName(), e);
    }
  }

  public static Receipt read(String json) {
    try {
      return MAPPER.readValue(json, Receipt.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored receipt is not readable", e);
    }
  }
}
