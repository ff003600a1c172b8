/** The {@code pcd} command line: the composition root and the only code that writes to stdout. */
package org.pcdguide.cli;
