package org.accessledger.entitlement.access;

import org.accessledger.api.access.AccessReason;
import org.accessledger.api.worker.HrEventId;
import org.bson.Document;

/** An {@link AccessReason} as a MongoDB sub-document. */
public final class BsonReasons {

    private BsonReasons() {
    }

    public static Document write(AccessReason reason) {
        Document document = new Document("causeEventId", reason.causeEventId())
                .append("ruleId", reason.ruleId())
                .append("policyVersion", reason.policyVersion());
        if (reason.hrEventId() != null) {
            document.append("hrEventId", reason.hrEventId().value());
        }
        if (reason.approver() != null) {
            document.append("approver", reason.approver()).append("comment", reason.comment());
        }
        return document;
    }

    public static AccessReason read(Document document) {
        String hrEventId = document.getString("hrEventId");
        return new AccessReason(document.getString("causeEventId"), hrEventId == null ? null : HrEventId.of(hrEventId),
                document.getString("ruleId"), document.get("policyVersion", Number.class).longValue(),
                document.getString("approver"), document.getString("comment"));
    }
}
