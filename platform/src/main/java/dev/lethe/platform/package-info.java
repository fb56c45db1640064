/** The reference platform: a messaging-CRM schema, its data map and a data generator. */
package dev.lethe.platform;
