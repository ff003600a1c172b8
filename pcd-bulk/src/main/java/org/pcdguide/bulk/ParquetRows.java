package org.pcdguide.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;

/**
 * findings.parquet: the findings table (the CSV's columns, all strings) with Apache Parquet's own
 * writer, which comes with Spark's classpath (the pcd launcher adds it for pcd screen).
 */
final class ParquetRows implements RowSink {
  private final ParquetWriter<Group> writer;
  private final SimpleGroupFactory groups;

  private ParquetRows(ParquetWriter<Group> writer, MessageType schema) {
    this.writer = writer;
    this.groups = new SimpleGroupFactory(schema);
  }

  static RowSink open(Path file) throws IOException {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (String column : Csv.HEADER) {
      b.required(PrimitiveType.PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named(column);
    }
    MessageType schema = b.named("finding");
    Files.deleteIfExists(file);
    ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
            .build();
    return new ParquetRows(w, schema);
  }

  @Override
  public void add(List<String> row) throws IOException {
    Group g = groups.newGroup();
    for (int i = 0; i < Csv.HEADER.size(); i++) {
      g.add(Csv.HEADER.get(i), row.get(i));
    }
    writer.write(g);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
