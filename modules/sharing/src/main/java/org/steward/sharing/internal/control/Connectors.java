package org.steward.sharing.internal.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.steward.sharing.internal.connector.OpenDsrClient;
import org.steward.sharing.internal.connector.WebhookSender;

/** The HTTP clients of the connectors, built once from the settings (a client holds a connection pool). */
@ApplicationScoped
public class Connectors {

    @Inject
    SharingConfig config;

    private WebhookSender webhooks;
    private OpenDsrClient openDsr;

    @PostConstruct
    void start() {
        webhooks = new WebhookSender(config.httpTimeout(), config.httpTimeout(), config.allowHttp(),
                config.allowPrivateAddresses());
        openDsr = new OpenDsrClient(config.httpTimeout(), config.httpTimeout(), config.allowHttp(),
                config.allowPrivateAddresses());
    }

    public WebhookSender webhooks() {
        return webhooks;
    }

    public OpenDsrClient openDsr() {
        return openDsr;
    }
}
