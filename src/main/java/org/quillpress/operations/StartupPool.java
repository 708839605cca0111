package org.quillpress.operations;

import java.time.Duration;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * The connection pool waits long for a connection while the application starts, and briefly once it runs.
 * <p>
 * Why: the first connection to the embedded database opens its file, and after a crash (kill -9, power loss)
 * H2 first recovers it: it reads back to its last good chunk and rolls back what was not committed. On a busy
 * machine that took longer than the pool's usual 5 s, so Flyway's first connection failed with "Acquisition
 * timeout while waiting for new connection" and a crashed site did not come back. So the pool is configured
 * with a long timeout ({@code quarkus.datasource.jdbc.acquisition-timeout}, which covers Flyway and everything
 * else before the start event), and this sets the running timeout once the application has started: a request
 * should not wait minutes for a connection when the pool is busy.
 */
@Singleton
public class StartupPool {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PoolConfig config;

    void started(@Observes StartupEvent event) {
        Duration atStart = dataSource.getConfiguration().connectionPoolConfiguration().acquisitionTimeout();
        dataSource.getConfiguration().connectionPoolConfiguration().setAcquisitionTimeout(config.acquisitionTimeout());
        Log.debugf("Connection pool: waited up to %s for a connection while starting, %s from now on", atStart,
                config.acquisitionTimeout());
    }
}
