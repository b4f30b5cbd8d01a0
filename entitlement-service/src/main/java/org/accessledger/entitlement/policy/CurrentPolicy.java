package org.accessledger.entitlement.policy;

/** The access policy in force: the latest published version. */
public interface CurrentPolicy {

    PolicyVersion current();
}
