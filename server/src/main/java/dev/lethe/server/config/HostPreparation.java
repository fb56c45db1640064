package dev.lethe.server.config;

import javax.sql.DataSource;

/**
 * Runs on the host database before the engine checks the data map against it (the demo fills it).
 */
public interface HostPreparation {

  void prepare(DataSource host);
}
