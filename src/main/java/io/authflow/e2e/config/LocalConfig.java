package io.authflow.e2e.config;

/**
 * Where the local stack finds its browser and ChromeDriver; empty means look on PATH and in the
 * usual install places.
 */
public record LocalConfig(String browser, String chromedriver) {}
