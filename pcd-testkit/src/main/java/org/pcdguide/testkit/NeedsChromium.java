package org.pcdguide.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test drives headless Chromium through ChromeDriver ({@link Prerequisite#CHROMIUM}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("chromium")
@ExtendWith(PrerequisiteCheck.class)
public @interface NeedsChromium {}
