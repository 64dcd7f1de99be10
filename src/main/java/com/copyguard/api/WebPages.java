package com.copyguard.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The pages people open in a browser: the console ({@code /console}, files in
 * {@code src/main/resources/console}), the OpenAPI reference ({@code /docs}), and the front-end
 * libraries they load from their webjars ({@code /assets/uplot}, {@code /assets/swagger-ui}), so
 * the pages need no network beyond the service. They load without a token: the console signs in
 * itself and sends the token on every API call.
 */
final class WebPages {
    private WebPages() {
    }

    static void mount(Router router) {
        // exact paths only: a plain "/console" route would also match "/console/" and loop
        router.getWithRegex("/console").handler(ctx -> ctx.redirect("/console/"));
        router.getWithRegex("/docs").handler(ctx -> ctx.redirect("/docs/"));
        router.route("/console/*").handler(StaticHandler.create("console").setCachingEnabled(false));
        router.route("/docs/*").handler(StaticHandler.create("docs").setCachingEnabled(false));
        router.route("/assets/uplot/*").handler(StaticHandler.create(webjar("org.webjars.npm", "uplot")));
        router.route("/assets/swagger-ui/*").handler(StaticHandler.create(webjar("org.webjars", "swagger-ui")));
    }

    /** The classpath folder of a webjar, whichever version the build brought in. */
    private static String webjar(String group, String artifact) {
        String props = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(props)) {
            if (in == null) {
                throw new IllegalStateException(props + " missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return "META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
