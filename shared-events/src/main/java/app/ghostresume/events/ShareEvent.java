package app.ghostresume.events;

import java.util.UUID;

/**
 * An event in the life of a shared rejection. The author and every supporter act on one share, so its events
 * are keyed by the share. {@code seekerId} is whoever acted: the author for {@link RejectionShared} and
 * {@link ShareWithdrawn}, the supporter or reporter otherwise. It never leaves the services for an anonymous
 * share.
 */
public sealed interface ShareEvent extends SeekerEvent
        permits RejectionShared, ShareWithdrawn, SupportOffered, SupportWithdrawn, ShareReported, ShareHidden,
        ShareRestored, ShareRemoved {

    UUID shareId();

    @Override
    default UUID orderingKey() {
        return shareId();
    }
}
