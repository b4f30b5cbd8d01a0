package org.accessledger.api.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component holding personal data of the worker a message or view is about (a name, an e-mail
 * address, free text HR sends): at rest it is encrypted with that worker's data key, so erasing the key erases it
 * everywhere, and after an erasure it reads as {@code "[erased]"}. On a collection or map, every text value in it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What an erased value reads as. */
    String ERASED = "[erased]";
}
