namespace Perrin.Nn.Serialization.Onnx;

/// <summary>Serializes the builder's content into ONNX protobuf messages, fields in ascending number order.</summary>
internal static class OnnxEncoder
{
    public static ProtoWriter Model(string graphName, List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs,
        List<OnnxInitializer> initializers, List<OnnxNode> nodes, SortedDictionary<string, string> metadata)
    {
        var model = new ProtoWriter();
        model.WriteInt64(OnnxField.ModelIrVersion, OnnxGraphBuilder.IrVersion);
        model.WriteString(OnnxField.ModelProducerName, OnnxGraphBuilder.ProducerName);
        model.WriteString(OnnxField.ModelProducerVersion, ModelFile.CurrentVersion);
        model.WriteMessage(OnnxField.ModelGraph, Graph(graphName, inputs, outputs, initializers, nodes));
        model.WriteMessage(OnnxField.ModelOpsetImport, opset =>
        {
            opset.WriteString(OnnxField.OpsetDomain, "");
            opset.WriteInt64(OnnxField.OpsetVersion, OnnxGraphBuilder.OpsetVersion);
        });
        foreach (var (key, value) in metadata)
        {
            model.WriteMessage(OnnxField.ModelMetadataProps, entry =>
            {
                entry.WriteString(OnnxField.StringEntryKey, key);
                entry.WriteString(OnnxField.StringEntryValue, value);
            });
        }

        return model;
    }

    private static ProtoWriter Graph(string name, List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs,
        List<OnnxInitializer> initializers, List<OnnxNode> nodes)
    {
        var graph = new ProtoWriter();
        foreach (var node in nodes)
        {
            graph.WriteMessage(OnnxField.GraphNode, Node(node));
        }

        graph.WriteString(OnnxField.GraphName, name);
        foreach (var initializer in initializers)
        {
            graph.WriteMessage(OnnxField.GraphInitializer, Tensor(initializer));
        }

        foreach (var input in inputs)
        {
            graph.WriteMessage(OnnxField.GraphInput, ValueInfo(input));
        }

        foreach (var output in outputs)
        {
            graph.WriteMessage(OnnxField.GraphOutput, ValueInfo(output));
        }

        return graph;
    }

    private static ProtoWriter Node(OnnxNode node)
    {
        var message = new ProtoWriter();
        foreach (var input in node.Inputs) message.WriteString(OnnxField.NodeInput, input);
        foreach (var output in node.Outputs) message.WriteString(OnnxField.NodeOutput, output);
        message.WriteString(OnnxField.NodeName, node.Name);
        message.WriteString(OnnxField.NodeOpType, node.OpType);
        foreach (var attribute in node.Attributes)
        {
            message.WriteMessage(OnnxField.NodeAttribute, Attribute(attribute));
        }

        return message;
    }

    private static ProtoWriter Attribute(OnnxAttribute attribute)
    {
        var message = new ProtoWriter();
        message.WriteString(OnnxField.AttributeName, attribute.Name);
        switch (attribute.Type)
        {
            case OnnxAttributeType.Float:
                message.WriteFloat(OnnxField.AttributeFloat, attribute.Float);
                break;
            case OnnxAttributeType.Int:
                message.WriteInt64(OnnxField.AttributeInt, attribute.Int);
                break;
            case OnnxAttributeType.String:
                message.WriteString(OnnxField.AttributeString, attribute.Text!);
                break;
            case OnnxAttributeType.Floats:
                // proto2 repeated scalars without [packed=true] are written one tag per element.
                foreach (var v in attribute.Floats!) message.WriteFloat(OnnxField.AttributeFloats, v);
                break;
            case OnnxAttributeType.Ints:
                foreach (var v in attribute.Ints!) message.WriteInt64(OnnxField.AttributeInts, v);
                break;
        }

        message.WriteInt64(OnnxField.AttributeType, (long)attribute.Type);
        return message;
    }

    private static ProtoWriter Tensor(OnnxInitializer initializer)
    {
        var message = new ProtoWriter(initializer.RawData.Length + 64);
        foreach (var d in initializer.Dims) message.WriteInt64(OnnxField.TensorDims, d);
        message.WriteInt64(OnnxField.TensorDataType, initializer.DataType);
        message.WriteString(OnnxField.TensorName, initializer.Name);
        message.WriteBytes(OnnxField.TensorRawData, initializer.RawData);
        return message;
    }

    private static ProtoWriter ValueInfo(OnnxValueInfo value)
    {
        var shape = new ProtoWriter();
        foreach (var dim in value.Shape)
        {
            shape.WriteMessage(OnnxField.ShapeDim, d =>
            {
                if (dim.Symbol is { } symbol) d.WriteString(OnnxField.DimParam, symbol);
                else d.WriteInt64(OnnxField.DimValue, dim.Value ?? 0);
            });
        }

        var tensorType = new ProtoWriter();
        tensorType.WriteInt64(OnnxField.TensorTypeElemType, OnnxField.DataTypeFloat);
        tensorType.WriteMessage(OnnxField.TensorTypeShape, shape);
        var type = new ProtoWriter();
        type.WriteMessage(OnnxField.TypeTensor, tensorType);

        var message = new ProtoWriter();
        message.WriteString(OnnxField.ValueInfoName, value.Name);
        message.WriteMessage(OnnxField.ValueInfoType, type);
        return message;
    }
}
