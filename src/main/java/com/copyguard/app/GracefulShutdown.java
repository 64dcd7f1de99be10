package com.copyguard.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (and SIGINT) stop the service gracefully and exit 0: stop accepting, finish the
 * writer's batch, snapshot, close the journal. The JVM's own handling would run the same close in
 * a shutdown hook but then exit with 143, which process supervisors read as a failure.
 */
public final class GracefulShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private GracefulShutdown() {
    }

    public static void install(CopyguardService service) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> new Thread(() -> {
                    LOG.info("{\"event\":\"shutdown\",\"signal\":\"SIG{}\"}", name);
                    int code = 0;
                    try {
                        service.close();
                    } catch (RuntimeException e) {
                        LOG.error("graceful shutdown failed", e);
                        code = 1;
                    }
                    LOG.info("{\"event\":\"stopped\",\"exitCode\":{}}", code);
                    System.exit(code);
                }, "copyguard-sig" + name.toLowerCase()).start());
            } catch (IllegalArgumentException e) {
                // the signal is not available here (e.g. -Xrs): the shutdown hook still closes the service
                LOG.warn("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }
}
