/** The operator's command line. */
package dev.lethe.cli;
