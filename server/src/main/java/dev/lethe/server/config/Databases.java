package dev.lethe.server.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.schema.Vendor;
import javax.sql.DataSource;

/**
 * The two databases the service works on: Lethe's own (requests, events, scheduled tasks) and the
 * host product's (the data to delete, and the engine's run tables next to it).
 */
public record Databases(HikariDataSource state, Vendor stateVendor, HikariDataSource host)
    implements AutoCloseable {

  public DataSource stateDataSource() {
    return state;
  }

  public DataSource hostDataSource() {
    return host;
  }

  @Override
  public void close() {
    host.close();
    state.close();
  }
}
