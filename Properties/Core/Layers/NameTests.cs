namespace Pure.Properties;

/// <summary>Layer, activation and initialiser names are data (model files, logs): the same in every culture.</summary>
public class NameTests
{
    [Fact]
    public void Names_and_messages_do_not_depend_on_the_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("dropout(0.5)", Layers.Dropout(0.5).Name);
            Assert.Equal("leaky-relu(0.01)", Activation.LeakyRelu().Name);
            Assert.Equal("normal(0.01)", Inits.Normal(0.01).Name);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
