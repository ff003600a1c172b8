package org.pcdguide.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test runs Apache Spark in local mode ({@link Prerequisite#SPARK}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("spark")
@ExtendWith(PrerequisiteCheck.class)
public @interface NeedsSpark {}
