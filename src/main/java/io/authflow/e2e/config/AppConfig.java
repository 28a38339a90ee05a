package io.authflow.e2e.config;

/**
 * The app under test: {@code name} selects the screen map {@code config/apps/<name>.yaml}; {@code
 * url} is where a browser build is served (empty for native apps).
 */
public record AppConfig(String name, String url) {}
